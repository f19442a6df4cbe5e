history -r :3fd492edcf45-1
