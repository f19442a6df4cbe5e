online: stamp 78f87b3120df ; current ; upgrade heads ; current ; downgrade 78f87b3120df ; stamp base
