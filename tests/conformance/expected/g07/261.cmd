downgrade heads:b --sql
