stamp --sql 4
