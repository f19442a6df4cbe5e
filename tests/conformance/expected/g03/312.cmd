online: stamp 3b5f268ecc45 ; current ; upgrade heads ; current ; downgrade 3b5f268ecc45 ; stamp base
