online: stamp d95bf2a4d27b ; current ; upgrade heads ; current ; downgrade d95bf2a4d27b ; stamp base
