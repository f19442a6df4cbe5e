downgrade 5d9d0ed99531:nosuch --sql
