history -r billing:
