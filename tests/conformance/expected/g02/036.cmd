history -r :5c
