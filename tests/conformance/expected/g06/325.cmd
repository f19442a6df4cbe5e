online: upgrade 5c83a22ba4d7 ; upgrade a502b2aaf854 ; downgrade -1 ; stamp 5c83a22ba4d7 ; current ; stamp --purge heads ; current ; downgrade base
