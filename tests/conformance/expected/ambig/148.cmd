upgrade b9:heads --sql
