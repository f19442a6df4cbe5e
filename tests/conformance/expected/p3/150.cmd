stamp --sql cccc0001:eeee0001
