online: upgrade 451af1d69ed6 ; current ; downgrade b ; current ; upgrade heads ; downgrade base
