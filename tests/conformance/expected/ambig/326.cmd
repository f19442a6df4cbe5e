online: upgrade abcd1111 ; upgrade f00dbeef0003 ; downgrade -1 ; stamp abcd1111 ; current ; stamp --purge heads ; current ; downgrade base
