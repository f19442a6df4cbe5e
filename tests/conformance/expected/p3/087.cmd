show c
