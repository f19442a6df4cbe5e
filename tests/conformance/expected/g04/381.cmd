upgrade 42784e1bcb38:billing@+2 --sql
