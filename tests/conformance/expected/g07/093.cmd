show b
