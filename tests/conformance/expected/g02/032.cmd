history -r d95b:
