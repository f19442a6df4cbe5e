history -r abcd2:
