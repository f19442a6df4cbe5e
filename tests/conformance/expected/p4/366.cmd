online: upgrade a1000003 ; upgrade a1000004 ; downgrade -1 ; stamp a1000003 ; current ; stamp --purge heads ; current ; downgrade base
