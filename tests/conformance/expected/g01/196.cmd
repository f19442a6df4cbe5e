stamp --sql head:9b816ec9d286
