online: upgrade 685695c76ab4 ; upgrade 5636e779c470 ; downgrade -1 ; stamp 685695c76ab4 ; current ; stamp --purge heads ; current ; downgrade base
