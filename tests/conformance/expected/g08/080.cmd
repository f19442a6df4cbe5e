history -r delta@-1:
