online: upgrade a1b2c3d4e5f6 ; upgrade 0f1e2d3c4b5a ; downgrade -1 ; stamp a1b2c3d4e5f6 ; current ; stamp --purge heads ; current ; downgrade base
