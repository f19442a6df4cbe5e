downgrade f00dbeef0003:abcd1111 --sql
