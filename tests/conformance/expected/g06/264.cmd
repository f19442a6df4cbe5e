online: upgrade 7d2445cf8aa4 ; upgrade 8a0c89ce5ef7 ; current ; downgrade -1 ; current ; stamp heads ; current
