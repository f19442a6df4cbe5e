upgrade a1000002:heads --sql
