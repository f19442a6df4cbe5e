online: upgrade c3e4d9196ada ; current ; downgrade b8a11a6916c7 ; current ; upgrade heads ; downgrade base
