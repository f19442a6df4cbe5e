upgrade heads:5c6e15ba2bdd --sql
