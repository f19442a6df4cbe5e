history -r eeee0001:eeee0001
