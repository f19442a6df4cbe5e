history -r a1b2:
