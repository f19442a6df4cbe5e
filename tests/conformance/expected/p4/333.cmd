upgrade a1000002:a1000004-1 --sql
