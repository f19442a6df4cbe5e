show d2d507f062ce
