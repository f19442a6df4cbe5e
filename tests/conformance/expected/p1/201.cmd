online: upgrade +2 ; upgrade +1 ; current ; downgrade -2 ; current ; upgrade heads ; downgrade -1
