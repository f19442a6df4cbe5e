show b8
