show b9
