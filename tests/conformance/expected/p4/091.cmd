history -r n100000:
