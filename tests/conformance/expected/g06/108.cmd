show 7d2445c
