online: upgrade 5c41e9a51fb2 ; upgrade a502b2aaf854 ; downgrade -1 ; stamp 5c41e9a51fb2 ; current ; stamp --purge heads ; current ; downgrade base
