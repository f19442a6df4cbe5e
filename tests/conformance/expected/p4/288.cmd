online: stamp a1000003 ; current ; upgrade heads ; current ; downgrade a1000003 ; stamp base
