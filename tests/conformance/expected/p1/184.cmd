upgrade 1975ea83b712:27c6a30d7c24-1 --sql
