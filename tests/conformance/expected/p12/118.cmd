online: stamp 0f1e2d3c4b5a ; current ; upgrade heads ; current ; downgrade 0f1e2d3c4b5a ; stamp base
