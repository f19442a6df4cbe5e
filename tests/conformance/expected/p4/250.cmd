downgrade heads:a1000001 --sql
