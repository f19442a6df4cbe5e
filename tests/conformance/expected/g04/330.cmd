online: stamp 14c10b11ad28 ; stamp --purge 42784e1bcb38 ; current ; upgrade 14c10b11ad28 ; downgrade base
