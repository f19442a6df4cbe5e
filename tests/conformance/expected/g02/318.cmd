online: upgrade cdbd64be8049 ; upgrade e892e8168561 ; downgrade -1 ; stamp cdbd64be8049 ; current ; stamp --purge heads ; current ; downgrade base
