downgrade c3e4d9196ada:b8a11a6916c7 --sql
