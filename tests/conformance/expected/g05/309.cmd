online: upgrade 5af84f596727 ; upgrade b52aad8d194a ; current ; downgrade -1 ; current ; stamp heads ; current
