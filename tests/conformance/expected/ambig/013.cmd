history -r f00dcafe0001:abcd3333
