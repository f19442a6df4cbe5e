online: stamp 0690ed6f0b09 ; current ; upgrade heads ; current ; downgrade 0690ed6f0b09 ; stamp base
