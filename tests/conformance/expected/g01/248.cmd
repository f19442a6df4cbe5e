stamp --sql 3
