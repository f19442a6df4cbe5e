upgrade b:5d9d0ed99531-1 --sql
