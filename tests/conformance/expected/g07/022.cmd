history -r b:
