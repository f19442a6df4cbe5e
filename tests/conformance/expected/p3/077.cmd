show bbbb0001
