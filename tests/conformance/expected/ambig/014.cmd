history -r abcd2222:abcd1111
