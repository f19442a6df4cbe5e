stamp --sql 1975ea83b712
