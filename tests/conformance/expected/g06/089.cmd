show 7d2445cf8aa4
