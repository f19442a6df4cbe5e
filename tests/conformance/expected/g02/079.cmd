history -r ext@-1:
