upgrade 1975ea83b712:nosuch --sql
