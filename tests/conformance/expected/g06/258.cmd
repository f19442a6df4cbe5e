online: upgrade 5c83a22ba4d7 ; current ; downgrade 7d2445cf8aa4 ; current ; upgrade heads ; downgrade base
