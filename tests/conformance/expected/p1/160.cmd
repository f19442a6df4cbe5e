stamp --sql head:ae1027a6acf
