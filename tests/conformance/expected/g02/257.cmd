online: stamp e252e44c5055 ; current ; upgrade heads ; current ; downgrade e252e44c5055 ; stamp base
