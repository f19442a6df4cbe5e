upgrade heads:14c10b11ad28 --sql
