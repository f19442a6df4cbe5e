show billing@3fd492edcf45
