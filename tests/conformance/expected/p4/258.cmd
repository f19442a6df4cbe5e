upgrade heads:a1000002 --sql
