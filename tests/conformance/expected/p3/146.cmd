stamp --sql bbbb0001:eeee0001
