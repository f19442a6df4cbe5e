upgrade b8a11a6916c7:c3e4d9196ada-1 --sql
