history -r zz@base:
