downgrade 14c10b11ad28:14c10b11ad28-2 --sql
