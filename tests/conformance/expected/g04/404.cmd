online: upgrade b8a11a6916c7 ; upgrade 42a0ce80c4b0 ; downgrade -1 ; stamp b8a11a6916c7 ; current ; stamp --purge heads ; current ; downgrade base
