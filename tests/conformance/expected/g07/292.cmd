stamp --sql head:f9
