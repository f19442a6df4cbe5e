online: upgrade 42a0ce80c4b0 ; upgrade c3e4d9196ada ; downgrade -1 ; stamp 42a0ce80c4b0 ; current ; stamp --purge heads ; current ; downgrade base
