history -r abcd1111:+2
