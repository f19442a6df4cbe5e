downgrade 1e2f414c343c:1e2f414c343c-2 --sql
