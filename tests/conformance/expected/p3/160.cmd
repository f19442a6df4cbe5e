stamp --sql bbbb0001:eeee0001 bbbb0001:eeee0001
