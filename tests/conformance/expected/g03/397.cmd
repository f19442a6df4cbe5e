online: upgrade 93b0cd085b71 ; upgrade 685695c76ab4 ; downgrade -1 ; stamp 93b0cd085b71 ; current ; stamp --purge heads ; current ; downgrade base
