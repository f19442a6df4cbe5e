show eeee0001
