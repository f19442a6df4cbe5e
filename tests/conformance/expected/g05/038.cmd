history -r :8
