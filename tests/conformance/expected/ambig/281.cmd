history -r abcd1111:abcd1111
