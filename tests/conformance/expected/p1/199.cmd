stamp --sql a
