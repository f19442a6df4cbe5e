history -r 14a0:
