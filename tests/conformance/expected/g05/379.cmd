online: upgrade 78f87b3120df ; upgrade 78f87b3120df ; downgrade -1 ; stamp 78f87b3120df ; current ; stamp --purge heads ; current ; downgrade base
