downgrade heads:abcd3333 --sql
