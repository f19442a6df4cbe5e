online: upgrade 5636e779c470 ; upgrade 685695c76ab4 ; current ; downgrade -1 ; current ; stamp heads ; current
