online: stamp 21638b529b4a ; current ; upgrade heads ; current ; downgrade 21638b529b4a ; stamp base
