stamp --sql c
