online: stamp a1000004 ; stamp --purge z1000001 ; current ; upgrade a1000004 ; downgrade base
