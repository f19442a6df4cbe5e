stamp --sql 2
