history -r 1975:
