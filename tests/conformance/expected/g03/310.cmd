online: stamp 685695c76ab4 ; current ; upgrade heads ; current ; downgrade 685695c76ab4 ; stamp base
