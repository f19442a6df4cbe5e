online: stamp cdbd64be8049 ; current ; upgrade heads ; current ; downgrade cdbd64be8049 ; stamp base
