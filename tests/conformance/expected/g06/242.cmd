downgrade 096d:base --sql
