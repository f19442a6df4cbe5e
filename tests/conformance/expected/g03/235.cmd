stamp --sql 93b0cd085b71
