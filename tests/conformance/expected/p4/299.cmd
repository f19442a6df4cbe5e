online: stamp n1000003 ; stamp --purge n1000001 ; current ; upgrade n1000003 ; downgrade base
