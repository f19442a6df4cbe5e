history -r aaaa0001
