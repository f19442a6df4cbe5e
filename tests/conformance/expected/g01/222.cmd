stamp --sql 7
