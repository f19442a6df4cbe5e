upgrade cccc0001:heads --sql
