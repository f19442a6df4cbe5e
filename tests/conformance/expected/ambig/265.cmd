online: upgrade abcd2222 ; upgrade b9 ; current ; downgrade -1 ; current ; stamp heads ; current
