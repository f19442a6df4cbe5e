stamp --sql head:1e2f414c343c
