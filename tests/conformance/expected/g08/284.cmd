online: upgrade 844da65423a9 ; current ; downgrade 0edca92d04a3 ; current ; upgrade heads ; downgrade base
