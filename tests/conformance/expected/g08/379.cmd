merge -m "join" nosuch 844da65423a9
