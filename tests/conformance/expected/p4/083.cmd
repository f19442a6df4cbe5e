history -r netlib:
