history -r netlib@-1:
