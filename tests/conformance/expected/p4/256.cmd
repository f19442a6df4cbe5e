upgrade heads:a1000004 --sql
