upgrade a1000001:heads --sql
