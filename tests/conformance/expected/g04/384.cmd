downgrade 14c10b11ad28:billing@base --sql
