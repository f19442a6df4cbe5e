upgrade b:billing@+2 --sql
