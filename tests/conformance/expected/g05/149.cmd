show gamma@-1
