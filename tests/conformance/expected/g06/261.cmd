online: stamp 8a0c89ce5ef7 ; current ; upgrade heads ; current ; downgrade 8a0c89ce5ef7 ; stamp base
