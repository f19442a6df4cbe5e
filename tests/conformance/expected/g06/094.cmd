show e1
