online: stamp 14a0d26b9496 ; current ; upgrade heads ; current ; downgrade 14a0d26b9496 ; stamp base
