show 3fd492edcf45
