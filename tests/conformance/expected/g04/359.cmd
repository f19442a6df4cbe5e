show 14c10b11ad28-1
