history -r z1000001:
