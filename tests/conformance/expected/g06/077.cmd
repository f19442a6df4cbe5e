history -r 096d:
