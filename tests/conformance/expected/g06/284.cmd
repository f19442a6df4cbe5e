history -r 7d2445cbe1a2:7d2445cbe1a2
