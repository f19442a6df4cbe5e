downgrade heads:base --sql
