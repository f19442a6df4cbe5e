online: stamp 5c83a22ba4d7 ; current ; upgrade heads ; current ; downgrade 5c83a22ba4d7 ; stamp base
