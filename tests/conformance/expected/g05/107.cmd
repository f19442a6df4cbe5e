show 5f2d1cfb10f6
