show b8a1
