stamp --sql f00dcafe0001
