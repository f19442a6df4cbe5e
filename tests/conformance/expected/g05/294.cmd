online: upgrade 78f87b3120df ; current ; downgrade 5bc8bde5c099 ; current ; upgrade heads ; downgrade base
