history -r b8a1:
