online: stamp a9b71d1d784f ; current ; upgrade heads ; current ; downgrade a9b71d1d784f ; stamp base
