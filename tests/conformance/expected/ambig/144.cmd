upgrade abcd1111:heads --sql
