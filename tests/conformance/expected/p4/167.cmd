upgrade a1000001:+1 --sql
