online: stamp 78f87b3120df ; stamp --purge 5bc8bde5c099 ; current ; upgrade 78f87b3120df ; downgrade base
