online: upgrade 6018f658f7a7 ; upgrade a9b71d1d784f ; downgrade -1 ; stamp 6018f658f7a7 ; current ; stamp --purge heads ; current ; downgrade base
