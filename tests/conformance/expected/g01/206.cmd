online: stamp 35bfc9e9c616 ; current ; upgrade heads ; current ; downgrade 35bfc9e9c616 ; stamp base
