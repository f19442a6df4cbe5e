downgrade heads:n1000002 --sql
