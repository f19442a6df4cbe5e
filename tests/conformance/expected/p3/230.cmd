history -r aaaa0001+1:
