downgrade b9:b9b9b9b9 --sql
