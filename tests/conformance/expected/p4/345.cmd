upgrade a1000001:core@+2 --sql
