online: upgrade 844da65423a9 ; upgrade d45c9ec353c1 ; current ; downgrade -1 ; current ; stamp heads ; current
