online: stamp b8a11a6916c7 ; current ; upgrade heads ; current ; downgrade b8a11a6916c7 ; stamp base
