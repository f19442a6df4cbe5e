online: stamp bbbb0001 ; current ; upgrade heads ; current ; downgrade bbbb0001 ; stamp base
