online: upgrade b9b9b9b9 ; upgrade f00dbeef0003 ; downgrade -1 ; stamp b9b9b9b9 ; current ; stamp --purge heads ; current ; downgrade base
