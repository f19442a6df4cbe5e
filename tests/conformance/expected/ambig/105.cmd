show f00dcafe000
