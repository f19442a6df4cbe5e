show f29d953f48f1
