history -r :head-1
