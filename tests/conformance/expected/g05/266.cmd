downgrade heads:5bc8bde5c099 --sql
