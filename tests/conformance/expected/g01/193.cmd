downgrade 1e2f414c343c:nosuch --sql
