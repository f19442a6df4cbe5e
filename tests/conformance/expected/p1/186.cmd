upgrade 1975ea83b712:ae1027a6acf-1 --sql
