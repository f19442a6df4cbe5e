downgrade heads:b9 --sql
