stamp --sql abcd3333:f00dcafe0001
