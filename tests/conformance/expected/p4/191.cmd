downgrade n1000003:n1000002 --sql
