upgrade 10a3aa05e11a:billing@+2 --sql
