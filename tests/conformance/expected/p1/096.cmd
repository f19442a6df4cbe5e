upgrade 1975ea83b712:+1 --sql
