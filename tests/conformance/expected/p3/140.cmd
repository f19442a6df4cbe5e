stamp --sql bbbb0001
