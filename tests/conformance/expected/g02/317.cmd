online: upgrade 5d300706a045 ; upgrade e892e8168561 ; downgrade -1 ; stamp 5d300706a045 ; current ; stamp --purge heads ; current ; downgrade base
