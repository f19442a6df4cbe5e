history -r gamma@base:
