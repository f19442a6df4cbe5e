upgrade b:heads --sql
