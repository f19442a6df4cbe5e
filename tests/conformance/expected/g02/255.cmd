online: stamp 5d300706a045 ; current ; upgrade heads ; current ; downgrade 5d300706a045 ; stamp base
