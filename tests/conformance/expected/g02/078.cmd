history -r ext:
