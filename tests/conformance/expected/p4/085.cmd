history -r core@-1:
