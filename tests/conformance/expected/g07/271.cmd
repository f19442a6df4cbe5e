upgrade heads:5d9d0ed99531 --sql
