upgrade heads:f9 --sql
