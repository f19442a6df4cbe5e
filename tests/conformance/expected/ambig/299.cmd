upgrade abcd1111:abcd2222-1 --sql
