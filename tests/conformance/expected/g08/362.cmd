online: upgrade a9b71d1d784f ; upgrade d45c9ec353c1 ; downgrade -1 ; stamp a9b71d1d784f ; current ; stamp --purge heads ; current ; downgrade base
