stamp --sql 60
