online: stamp 27c6a30d7c24 ; current ; upgrade heads ; current ; downgrade 27c6a30d7c24 ; stamp base
