downgrade 5d9d:base --sql
