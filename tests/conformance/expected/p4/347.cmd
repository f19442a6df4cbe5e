upgrade z1000001:zz@+2 --sql
