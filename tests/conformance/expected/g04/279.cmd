downgrade heads:b8a11a6916c7 --sql
