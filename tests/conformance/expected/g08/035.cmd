history -r :60
