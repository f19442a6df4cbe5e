downgrade c3e4d9196ada:gamma@base --sql
