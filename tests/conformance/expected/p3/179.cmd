downgrade heads:aaaa0001 --sql
