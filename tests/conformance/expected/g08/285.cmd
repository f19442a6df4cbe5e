online: stamp 6018f658f7a7 ; current ; upgrade heads ; current ; downgrade 6018f658f7a7 ; stamp base
