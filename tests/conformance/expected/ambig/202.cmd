stamp --sql abcd3333:f00dcafe0001 abcd3333:f00dcafe0001
