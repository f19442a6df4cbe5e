downgrade f00dcafe0001:abcd3333 --sql
