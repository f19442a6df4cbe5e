stamp --sql 21
