online: upgrade 3b5f268ecc45 ; upgrade 5636e779c470 ; downgrade -1 ; stamp 3b5f268ecc45 ; current ; stamp --purge heads ; current ; downgrade base
