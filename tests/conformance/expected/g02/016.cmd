history -r 5c6e15ba2bdd:cdbd64be8049
