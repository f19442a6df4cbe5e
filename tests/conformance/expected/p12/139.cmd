stamp --sql 0
