history -r zz@-1:
