history -r abcd:
