stamp --sql head:a1000004
