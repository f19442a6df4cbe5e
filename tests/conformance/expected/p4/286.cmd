online: stamp a1000001 ; current ; upgrade heads ; current ; downgrade a1000001 ; stamp base
