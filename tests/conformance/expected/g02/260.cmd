online: upgrade e892e8168561 ; current ; downgrade d95bf2a4d27b ; current ; upgrade +1 ; downgrade base
