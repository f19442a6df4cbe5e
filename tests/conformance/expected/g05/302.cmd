online: stamp f7f3f0e3cd97 ; current ; upgrade heads ; current ; downgrade f7f3f0e3cd97 ; stamp base
