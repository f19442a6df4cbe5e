history -r :1e
