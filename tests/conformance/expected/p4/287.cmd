online: stamp a1000004 ; current ; upgrade heads ; current ; downgrade a1000004 ; stamp base
