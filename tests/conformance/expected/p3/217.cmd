online: stamp eeee0001 ; stamp --purge aaaa0001 ; current ; upgrade eeee0001 ; downgrade base
