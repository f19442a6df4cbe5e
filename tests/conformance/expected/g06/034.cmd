history -r 096d42f:
