online: stamp a502b2aaf854 ; stamp --purge 14a0d26b9496 ; current ; upgrade a502b2aaf854 ; downgrade base
