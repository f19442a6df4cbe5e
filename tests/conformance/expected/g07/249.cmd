upgrade 5d9d --sql
