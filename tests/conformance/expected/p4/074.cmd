history -r netlib@base:
