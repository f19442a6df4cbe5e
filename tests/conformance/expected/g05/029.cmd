history -r :3fd492edcf45
