show core@-1
