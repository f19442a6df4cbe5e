stamp --sql head:5c6e15ba2bdd
