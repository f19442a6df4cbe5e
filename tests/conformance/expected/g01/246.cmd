stamp --sql 1e
