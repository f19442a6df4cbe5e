history -r ext@base:
