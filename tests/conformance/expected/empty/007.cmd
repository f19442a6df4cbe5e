history -v
