merge -m "join" f00dcafe000
