stamp --sql 17
