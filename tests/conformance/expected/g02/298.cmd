downgrade 5c6e15ba2bdd:5c6e15ba2bdd-2 --sql
