history -r abcd2222:b9
