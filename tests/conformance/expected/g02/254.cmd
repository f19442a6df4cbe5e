online: stamp e892e8168561 ; current ; upgrade heads ; current ; downgrade e892e8168561 ; stamp base
