history -r abcd3333:+1
