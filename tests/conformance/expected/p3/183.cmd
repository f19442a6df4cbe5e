downgrade heads:cccc0001 --sql
