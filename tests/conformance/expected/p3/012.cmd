history -r eeee0001:aaaa0001
