online: upgrade 27c6a30d7c24 ; upgrade 27c6a30d7c24 ; downgrade -1 ; stamp 27c6a30d7c24 ; current ; stamp --purge heads ; current ; downgrade base
