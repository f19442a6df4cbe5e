online: upgrade e892e8168561 ; current ; downgrade 6a27cbf87544 ; current ; upgrade heads ; downgrade base
