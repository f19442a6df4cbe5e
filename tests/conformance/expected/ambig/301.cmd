upgrade b9:b9b9b9b9-1 --sql
