online: stamp 78f87b3120df ; stamp --purge f710f770c226 ; current ; upgrade 78f87b3120df ; downgrade base
