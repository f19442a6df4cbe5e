upgrade n1000003 --sql
