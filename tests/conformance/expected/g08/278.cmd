stamp --sql head:844da65423a9
