online: upgrade a1000004 ; upgrade n1000003 ; downgrade -1 ; stamp a1000004 ; current ; stamp --purge heads ; current ; downgrade base
