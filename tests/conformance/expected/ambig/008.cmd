history -r abcd1111:f00dbeef0003
