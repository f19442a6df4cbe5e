history -r delta@base:
