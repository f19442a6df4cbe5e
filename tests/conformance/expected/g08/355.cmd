stamp --sql 0b
