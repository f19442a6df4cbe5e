upgrade z1000001:+1 --sql
