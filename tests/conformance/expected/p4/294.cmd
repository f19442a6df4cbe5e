online: upgrade a1000001 ; upgrade n1000001 ; current ; downgrade -1 ; current ; stamp heads ; current
