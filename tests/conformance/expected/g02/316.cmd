online: upgrade e892e8168561 ; upgrade e892e8168561 ; downgrade -1 ; stamp e892e8168561 ; current ; stamp --purge heads ; current ; downgrade base
