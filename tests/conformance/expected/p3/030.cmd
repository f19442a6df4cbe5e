history -r aaaa:
