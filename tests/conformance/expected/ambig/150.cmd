upgrade abcd1111:+1 --sql
