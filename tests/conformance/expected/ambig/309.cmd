downgrade b9b9b9b9:b9b9b9b9-2 --sql
