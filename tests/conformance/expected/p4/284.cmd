online: upgrade a1000002 ; current ; downgrade a1000001 ; current ; upgrade heads ; downgrade base
