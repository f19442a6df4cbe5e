downgrade heads:abcd1111 --sql
