upgrade heads:1e2f414c343c --sql
