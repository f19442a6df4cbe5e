stamp --sql head:eeee0001
