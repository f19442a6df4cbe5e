history -r eeee0001:cccc0001
