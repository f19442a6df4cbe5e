stamp --sql head:f00dcafe0001
