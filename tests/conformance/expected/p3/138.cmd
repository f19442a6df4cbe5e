stamp --sql eeee0001
