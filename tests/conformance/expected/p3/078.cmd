show bbbb0002
