history -r 5d9d:
