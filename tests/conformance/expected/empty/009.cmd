history -r-2:
