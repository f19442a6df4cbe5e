history -r cf18:
