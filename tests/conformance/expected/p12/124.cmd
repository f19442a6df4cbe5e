history -r a1b2c3d4e5f6:a1b2c3d4e5f6
