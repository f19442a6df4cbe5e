show 5d9d17383d9c
