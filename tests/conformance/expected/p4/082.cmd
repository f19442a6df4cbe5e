history -r core:
