history -r :eeee0001-2
