show x
