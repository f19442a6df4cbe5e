stamp --sql 14c10b11ad28:base
