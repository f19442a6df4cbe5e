history -r nosuch:
