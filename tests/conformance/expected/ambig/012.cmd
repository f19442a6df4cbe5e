history -r f00dbeef0003:abcd1111
