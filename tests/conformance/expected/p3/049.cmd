history -r aaaa0001:+2
