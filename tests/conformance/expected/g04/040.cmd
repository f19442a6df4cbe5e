history -r :8c
