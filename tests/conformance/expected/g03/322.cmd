online: stamp 5636e779c470 ; stamp --purge 31163bfd1d33 ; current ; upgrade 5636e779c470 ; downgrade base
