upgrade abcd3333:heads --sql
