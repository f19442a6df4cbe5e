show e
