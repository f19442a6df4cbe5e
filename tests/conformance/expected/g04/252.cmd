stamp --sql c3e4d9196ada:base
