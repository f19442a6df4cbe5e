show a1b2
