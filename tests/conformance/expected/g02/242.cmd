downgrade 5c6e15ba2bdd:nosuch --sql
