downgrade 14c10b11ad28:base --sql
