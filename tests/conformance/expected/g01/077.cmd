show 9b816ec9d286
