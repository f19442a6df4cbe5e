history -r 78e5:
