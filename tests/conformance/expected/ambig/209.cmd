upgrade abcd --sql
