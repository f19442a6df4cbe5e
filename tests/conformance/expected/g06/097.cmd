show 7d2445cbe1a2
