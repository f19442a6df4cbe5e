history -r delta:
