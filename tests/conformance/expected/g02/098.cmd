show e6b544ab6cce
