online: upgrade f7f3f0e3cd97 ; upgrade 78f87b3120df ; downgrade -1 ; stamp f7f3f0e3cd97 ; current ; stamp --purge heads ; current ; downgrade base
