downgrade a1000004:-1 --sql
