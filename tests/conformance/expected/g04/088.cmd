history -r gamma:
