stamp --sql 79
