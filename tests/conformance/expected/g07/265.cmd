downgrade heads:10a3aa05e11a --sql
