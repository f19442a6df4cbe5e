history -r 0b35:
