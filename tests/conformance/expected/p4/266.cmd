downgrade head:n1000003 --sql
