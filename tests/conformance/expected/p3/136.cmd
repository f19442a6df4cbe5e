stamp --sql aaaa0001
