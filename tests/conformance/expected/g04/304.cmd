downgrade 14c10b11ad28:nosuch --sql
