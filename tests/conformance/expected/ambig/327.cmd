online: upgrade f00dbeef0003 ; upgrade b9b9b9b9 ; downgrade -1 ; stamp f00dbeef0003 ; current ; stamp --purge heads ; current ; downgrade base
