online: upgrade 844da65423a9 ; upgrade a9b71d1d784f ; downgrade -1 ; stamp 844da65423a9 ; current ; stamp --purge heads ; current ; downgrade base
