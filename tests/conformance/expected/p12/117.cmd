online: stamp a1b2c3d4e5f6 ; current ; upgrade heads ; current ; downgrade a1b2c3d4e5f6 ; stamp base
