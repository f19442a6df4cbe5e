history -v -r bbbb0001:eeee0001
