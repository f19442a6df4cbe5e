online: upgrade f9 ; current ; downgrade ae2e7f150524 ; current ; upgrade heads ; downgrade base
