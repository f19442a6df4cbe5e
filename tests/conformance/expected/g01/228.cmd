upgrade cd61d8f16adf:9b816ec9d286-1 --sql
