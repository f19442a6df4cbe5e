stamp --sql head:14c10b11ad28
