history -r zz:
