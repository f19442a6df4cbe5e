history -r eeee0001:
