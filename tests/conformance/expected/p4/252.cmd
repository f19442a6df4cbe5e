downgrade heads:a1000002 --sql
