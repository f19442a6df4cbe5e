history -r :9b
