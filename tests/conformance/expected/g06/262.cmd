online: stamp 7d2445cbe1a2 ; current ; upgrade heads ; current ; downgrade 7d2445cbe1a2 ; stamp base
