history -r :5b
