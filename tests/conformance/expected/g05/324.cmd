history -r 3fd492edcf45:3fd492edcf45
