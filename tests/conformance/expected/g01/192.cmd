downgrade 9b816ec9d286:nosuch --sql
