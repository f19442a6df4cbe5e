stamp --sql aaaa0001:eeee0001
