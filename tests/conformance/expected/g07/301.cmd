online: stamp b ; current ; upgrade heads ; current ; downgrade b ; stamp base
