show eeee0001-1
