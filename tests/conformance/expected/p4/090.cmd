history -r a100:
