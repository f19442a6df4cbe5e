online: upgrade 0f1e2d3c4b5a ; current ; downgrade a1b2c3d4e5f6 ; current ; upgrade heads ; downgrade base
