online: stamp 4ef892276658 ; current ; upgrade heads ; current ; downgrade 4ef892276658 ; stamp base
