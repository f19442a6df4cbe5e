online: stamp 42a0ce80c4b0 ; current ; upgrade heads ; current ; downgrade 42a0ce80c4b0 ; stamp base
