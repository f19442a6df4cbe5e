history -r 7d2445c:
