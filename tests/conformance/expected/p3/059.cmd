history -r :eeee0001+1
