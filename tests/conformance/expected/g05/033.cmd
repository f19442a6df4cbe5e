history -r 5bc8:
