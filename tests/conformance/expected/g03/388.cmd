stamp --sql 78
