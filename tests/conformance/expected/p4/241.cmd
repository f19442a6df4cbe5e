upgrade n1000003:z1000001 --sql
