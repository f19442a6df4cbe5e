history -r abcd1:
