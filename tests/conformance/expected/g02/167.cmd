downgrade 5c6e15ba2bdd:d95bf2a4d27b --sql
