stamp --sql head:bbbb0001
