history -r 87b0:
