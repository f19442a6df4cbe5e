online: stamp f00dcafe0001 ; current ; upgrade heads ; current ; downgrade f00dcafe0001 ; stamp base
