upgrade abcd3333:f00dcafe0001-1 --sql
