upgrade abcd2222:b9 --sql
