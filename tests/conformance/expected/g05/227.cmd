stamp --sql 3fd492edcf45
