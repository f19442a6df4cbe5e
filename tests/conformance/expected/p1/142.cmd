downgrade heads:1975ea83b712 --sql
