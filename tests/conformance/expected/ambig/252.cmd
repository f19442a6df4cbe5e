stamp --sql head:b9b9b9b9
