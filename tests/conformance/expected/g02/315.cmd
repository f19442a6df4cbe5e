online: upgrade d95bf2a4d27b ; upgrade e892e8168561 ; downgrade -1 ; stamp d95bf2a4d27b ; current ; stamp --purge heads ; current ; downgrade base
