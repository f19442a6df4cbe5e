online: upgrade 171027ac435a ; current ; downgrade b8a11a6916c7 ; current ; upgrade heads ; downgrade base
