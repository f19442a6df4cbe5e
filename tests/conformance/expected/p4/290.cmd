online: stamp z1000001 ; current ; upgrade heads ; current ; downgrade z1000001 ; stamp base
