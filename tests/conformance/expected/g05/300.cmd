online: stamp 3fd492edcf45 ; current ; upgrade heads ; current ; downgrade 3fd492edcf45 ; stamp base
