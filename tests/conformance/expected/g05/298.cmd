online: stamp 5bc8bde5c099 ; current ; upgrade heads ; current ; downgrade 5bc8bde5c099 ; stamp base
