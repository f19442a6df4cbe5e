history -v -r abcd1111:abcd2222
