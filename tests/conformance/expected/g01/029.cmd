history -r 1e2f:
