history -r :1
