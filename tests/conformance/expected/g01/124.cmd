downgrade 9b816ec9d286:cd61d8f16adf --sql
