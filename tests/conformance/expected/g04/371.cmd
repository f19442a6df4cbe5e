downgrade c3e4d9196ada:c3e4d9196ada-2 --sql
