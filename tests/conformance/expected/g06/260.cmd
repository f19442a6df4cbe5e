online: stamp 5c41e9a51fb2 ; current ; upgrade heads ; current ; downgrade 5c41e9a51fb2 ; stamp base
