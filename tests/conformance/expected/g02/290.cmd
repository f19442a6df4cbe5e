upgrade d95bf2a4d27b:5c6e15ba2bdd-1 --sql
