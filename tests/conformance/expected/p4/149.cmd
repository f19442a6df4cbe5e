upgrade a1000004 --sql
