stamp --sql c6
