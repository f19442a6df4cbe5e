online: stamp f00dbeef0003 ; current ; upgrade heads ; current ; downgrade f00dbeef0003 ; stamp base
