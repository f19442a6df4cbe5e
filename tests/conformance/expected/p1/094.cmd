upgrade ae1027a6acf:heads --sql
