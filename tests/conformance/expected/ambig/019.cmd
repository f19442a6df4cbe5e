history -v -r abcd3333:f00dcafe0001
