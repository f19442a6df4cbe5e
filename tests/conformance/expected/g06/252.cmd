stamp --sql head:5c83a22ba4d7
