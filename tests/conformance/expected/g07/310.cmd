online: upgrade 7403e93f4a5a ; upgrade f9 ; current ; downgrade -1 ; current ; stamp heads ; current
