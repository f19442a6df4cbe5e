downgrade heads:ae1027a6acf --sql
