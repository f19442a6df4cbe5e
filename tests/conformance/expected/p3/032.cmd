history -r eeee:
