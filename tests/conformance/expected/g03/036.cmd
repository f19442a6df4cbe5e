history -r 9b08:
