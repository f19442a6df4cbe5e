history -r abcd3333:+2
