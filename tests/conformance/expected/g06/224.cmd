downgrade heads:7d2445cf8aa4 --sql
