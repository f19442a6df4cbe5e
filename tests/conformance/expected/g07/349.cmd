upgrade 10a3aa05e11a:7403e93f4a5a-1 --sql
