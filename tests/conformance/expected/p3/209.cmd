online: stamp eeee0001 ; current ; upgrade heads ; current ; downgrade eeee0001 ; stamp base
