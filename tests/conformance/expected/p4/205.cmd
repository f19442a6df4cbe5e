stamp --sql a1000004
