online: stamp 5c83a22ba4d7 ; stamp --purge 14a0d26b9496 ; current ; upgrade 5c83a22ba4d7 ; downgrade base
