show f00dcafe0002
