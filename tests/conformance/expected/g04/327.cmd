online: upgrade 14c10b11ad28 ; upgrade 42784e1bcb38 ; current ; downgrade -1 ; current ; stamp heads ; current
