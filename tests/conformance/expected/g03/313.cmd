online: stamp 93b0cd085b71 ; current ; upgrade heads ; current ; downgrade 93b0cd085b71 ; stamp base
