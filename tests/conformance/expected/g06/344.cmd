merge -m "join" 7d2445c
