online: upgrade a1000001 ; upgrade a1000004 ; downgrade -1 ; stamp a1000001 ; current ; stamp --purge heads ; current ; downgrade base
