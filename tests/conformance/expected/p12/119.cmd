online: stamp 0f1e2d3c4b5a ; stamp --purge a1b2c3d4e5f6 ; current ; upgrade 0f1e2d3c4b5a ; downgrade base
