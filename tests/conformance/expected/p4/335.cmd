upgrade a1000001:a1000002-1 --sql
