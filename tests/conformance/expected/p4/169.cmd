upgrade n1000001:+1 --sql
