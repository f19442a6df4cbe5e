show b9b9b9b9
