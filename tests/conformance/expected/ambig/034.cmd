history -r abcd3:
