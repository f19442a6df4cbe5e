stamp --sql 8
