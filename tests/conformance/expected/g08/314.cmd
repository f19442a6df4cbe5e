history -r :844da65423a9-2
