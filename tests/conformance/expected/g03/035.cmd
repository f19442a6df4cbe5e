history -r 795b:
