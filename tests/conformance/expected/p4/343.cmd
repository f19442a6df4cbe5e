downgrade n1000003:n1000003-2 --sql
