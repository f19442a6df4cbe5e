online: upgrade n1000001 ; upgrade n1000003 ; downgrade -1 ; stamp n1000001 ; current ; stamp --purge heads ; current ; downgrade base
