stamp --sql 66
