online: upgrade 8a0c89ce5ef7 ; upgrade 5c83a22ba4d7 ; downgrade -1 ; stamp 8a0c89ce5ef7 ; current ; stamp --purge heads ; current ; downgrade base
