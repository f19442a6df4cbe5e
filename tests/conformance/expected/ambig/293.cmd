show b9b9b9b9-1
