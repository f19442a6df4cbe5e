stamp --sql 35bfc9e9c616
