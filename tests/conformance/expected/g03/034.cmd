history -r 2163:
