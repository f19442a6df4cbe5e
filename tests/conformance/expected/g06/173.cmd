stamp --sql 5c41e9a51fb2
