upgrade abcd1111:f00dbeef0003-1 --sql
