downgrade c3e4d9196ada:nosuch --sql
