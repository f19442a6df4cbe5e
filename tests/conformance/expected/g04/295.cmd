downgrade head:c3e4d9196ada --sql
