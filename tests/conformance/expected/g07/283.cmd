upgrade 10a3aa05e11a:nosuch --sql
