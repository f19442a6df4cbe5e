history -r :14c10b11ad28-2
