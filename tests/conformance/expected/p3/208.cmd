online: stamp aaaa0001 ; current ; upgrade heads ; current ; downgrade aaaa0001 ; stamp base
