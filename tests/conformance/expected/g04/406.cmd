online: upgrade 43001b2ed40e ; upgrade 14c10b11ad28 ; downgrade -1 ; stamp 43001b2ed40e ; current ; stamp --purge heads ; current ; downgrade base
