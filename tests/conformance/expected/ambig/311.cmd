upgrade abcd1111:abcdlabel@+2 --sql
