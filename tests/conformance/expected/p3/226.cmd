history -r aaaa0001:aaaa0001
