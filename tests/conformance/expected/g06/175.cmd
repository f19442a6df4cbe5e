stamp --sql 8a0c89ce5ef7
