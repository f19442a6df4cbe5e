history -r d76d:
