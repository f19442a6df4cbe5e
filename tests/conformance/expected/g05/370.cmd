stamp --sql 5b
