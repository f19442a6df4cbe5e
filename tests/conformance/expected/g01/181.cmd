upgrade heads:9b816ec9d286 --sql
