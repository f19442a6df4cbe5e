online: stamp 844da65423a9 ; current ; upgrade heads ; current ; downgrade 844da65423a9 ; stamp base
