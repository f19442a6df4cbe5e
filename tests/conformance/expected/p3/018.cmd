history -v -r aaaa0001:eeee0001
