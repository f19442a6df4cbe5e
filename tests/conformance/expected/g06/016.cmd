history -r 7d2445cf8aa4:8a0c89ce5ef7
