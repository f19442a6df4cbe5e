downgrade 1975ea83b712:ae1027a6acf --sql
