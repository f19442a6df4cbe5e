online: stamp 3926f28c105d ; current ; upgrade heads ; current ; downgrade 3926f28c105d ; stamp base
