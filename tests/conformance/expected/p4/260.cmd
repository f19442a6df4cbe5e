upgrade heads:n1000003 --sql
