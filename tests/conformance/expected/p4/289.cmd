online: stamp n1000001 ; current ; upgrade heads ; current ; downgrade n1000001 ; stamp base
