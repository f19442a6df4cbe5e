online: upgrade n1000003 ; upgrade z1000001 ; current ; downgrade -1 ; current ; stamp heads ; current
