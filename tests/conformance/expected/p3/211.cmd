online: stamp bbbb0002 ; current ; upgrade heads ; current ; downgrade bbbb0002 ; stamp base
