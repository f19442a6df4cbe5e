stamp --sql eeee0001:base
