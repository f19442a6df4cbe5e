stamp --sql bbbb0002
