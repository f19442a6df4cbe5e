upgrade 738d6e58d5ca:14c10b11ad28-1 --sql
