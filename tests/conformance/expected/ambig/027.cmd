history -r :abcd1111
