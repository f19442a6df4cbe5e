downgrade ae1027a6acf:ae1027a6acf-2 --sql
