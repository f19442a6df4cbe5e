history -r abcd1111+1:
