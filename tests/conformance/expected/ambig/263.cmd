online: stamp b9b9b9b9 ; current ; upgrade heads ; current ; downgrade b9b9b9b9 ; stamp base
