history -r gamma@-1:
