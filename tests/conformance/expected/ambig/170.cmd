downgrade b9b9b9b9:-1 --sql
