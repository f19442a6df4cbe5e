show f00dcafe0001
