online: stamp 9be449b64a08 ; current ; upgrade heads ; current ; downgrade 9be449b64a08 ; stamp base
