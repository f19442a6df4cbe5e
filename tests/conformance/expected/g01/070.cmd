history -r -1:
