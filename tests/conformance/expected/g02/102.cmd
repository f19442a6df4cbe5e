show 2d6c8f7d9b78
