stamp --sql 8c
