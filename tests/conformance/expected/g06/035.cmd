history -r 096d425:
