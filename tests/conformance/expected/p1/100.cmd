downgrade ae1027a6acf:1975ea83b712 --sql
