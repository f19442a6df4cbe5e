upgrade a1000001:a1000004-1 --sql
