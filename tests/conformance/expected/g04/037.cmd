history -r 8ca5:
