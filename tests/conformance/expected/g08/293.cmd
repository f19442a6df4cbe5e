online: upgrade 6018f658f7a7 ; upgrade d45c9ec353c1 ; current ; downgrade -1 ; current ; stamp heads ; current
