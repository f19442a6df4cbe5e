stamp --sql 1
