stamp --sql 9b
