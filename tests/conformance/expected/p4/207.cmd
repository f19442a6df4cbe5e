stamp --sql a1000003
