stamp --sql a1000001
