online: upgrade a1000004 ; current ; downgrade a1000002 ; current ; upgrade heads ; downgrade base
