show c6
