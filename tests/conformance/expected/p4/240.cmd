upgrade a1000001:n1000001 --sql
