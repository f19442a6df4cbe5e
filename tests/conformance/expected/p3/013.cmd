history -r eeee0001:bbbb0001
