history -r :21
