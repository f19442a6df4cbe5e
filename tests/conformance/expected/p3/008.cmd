history -r aaaa0001:eeee0001
