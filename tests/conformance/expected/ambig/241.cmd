upgrade abcd1111:nosuch --sql
