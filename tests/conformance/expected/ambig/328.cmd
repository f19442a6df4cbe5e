online: upgrade ab ; upgrade f00dbeef0003 ; downgrade -1 ; stamp ab ; current ; stamp --purge heads ; current ; downgrade base
