stamp --sql aaaa0001:bbbb0001
