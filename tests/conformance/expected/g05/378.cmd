online: upgrade 5bc8bde5c099 ; upgrade 78f87b3120df ; downgrade -1 ; stamp 5bc8bde5c099 ; current ; stamp --purge heads ; current ; downgrade base
