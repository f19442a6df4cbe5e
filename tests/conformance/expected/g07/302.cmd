online: stamp 119a74c9df6a ; current ; upgrade heads ; current ; downgrade 119a74c9df6a ; stamp base
