online: upgrade a1000004 ; current ; downgrade a1000001 ; current ; upgrade heads ; downgrade base
