online: upgrade n1000003 ; current ; downgrade n1000002 ; current ; upgrade heads ; downgrade base
