history -v -r cccc0001:eeee0001
