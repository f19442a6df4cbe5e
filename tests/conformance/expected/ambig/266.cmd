online: upgrade b9b9b9b9 ; upgrade f00dbeef0003 ; current ; downgrade -1 ; current ; stamp heads ; current
