history -r b+1:
