downgrade n1000002:n1000003 --sql
