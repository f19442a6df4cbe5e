history -r 844da65423a9:0edca92d04a3
