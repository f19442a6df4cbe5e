downgrade 14c10b11ad28:738d6e58d5ca --sql
