history -r billing@-1:
