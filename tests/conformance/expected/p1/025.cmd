history -r 27c6:
