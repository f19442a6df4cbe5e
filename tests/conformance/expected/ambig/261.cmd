online: stamp ab ; current ; upgrade heads ; current ; downgrade ab ; stamp base
