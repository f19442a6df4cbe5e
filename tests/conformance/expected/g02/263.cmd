online: stamp e892e8168561 ; stamp --purge d95bf2a4d27b ; current ; upgrade e892e8168561 ; downgrade base
