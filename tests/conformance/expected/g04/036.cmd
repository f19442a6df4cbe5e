history -r 1710:
