downgrade b9b9b9b9:b9 --sql
