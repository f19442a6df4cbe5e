online: stamp abcd1111 ; current ; upgrade heads ; current ; downgrade abcd1111 ; stamp base
