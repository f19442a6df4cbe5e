show aaaa0001
