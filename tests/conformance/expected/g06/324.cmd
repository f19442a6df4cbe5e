online: upgrade 7d2445cbe1a2 ; upgrade 5c41e9a51fb2 ; downgrade -1 ; stamp 7d2445cbe1a2 ; current ; stamp --purge heads ; current ; downgrade base
