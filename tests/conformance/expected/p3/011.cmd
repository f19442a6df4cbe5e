history -r cccc0001:eeee0001
