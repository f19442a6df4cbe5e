online: upgrade b9b9b9b9 ; current ; downgrade b9 ; current ; upgrade heads ; downgrade base
