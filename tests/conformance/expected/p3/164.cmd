stamp --sql cccc0001:eeee0001 cccc0001:eeee0001
