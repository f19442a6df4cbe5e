stamp --sql 5c
