history -r f00dcafe0001:f00dcafe0001
