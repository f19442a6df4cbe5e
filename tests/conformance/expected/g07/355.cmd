downgrade 5d9d0ed99531:5d9d0ed99531-2 --sql
