upgrade heads:b9b9b9b9 --sql
