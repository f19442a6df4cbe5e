online: stamp 5c41e9a51fb2 ; stamp --purge 14a0d26b9496 ; current ; upgrade 5c41e9a51fb2 ; downgrade base
