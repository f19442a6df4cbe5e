stamp --sql head:a1000002
