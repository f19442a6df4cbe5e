stamp --sql aaaa0001:bbbb0001 aaaa0001:bbbb0001
