history -r f00dcafe000:
