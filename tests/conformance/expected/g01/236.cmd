downgrade 9b816ec9d286:9b816ec9d286-2 --sql
