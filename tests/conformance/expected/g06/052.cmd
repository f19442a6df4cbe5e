history -r 7d2445cf8aa4:+1
