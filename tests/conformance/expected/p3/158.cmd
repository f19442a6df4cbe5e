stamp --sql aaaa0001:eeee0001 aaaa0001:eeee0001
