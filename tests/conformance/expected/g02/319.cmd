online: upgrade e252e44c5055 ; upgrade e892e8168561 ; downgrade -1 ; stamp e252e44c5055 ; current ; stamp --purge heads ; current ; downgrade base
