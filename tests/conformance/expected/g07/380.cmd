online: upgrade 9be449b64a08 ; upgrade 451af1d69ed6 ; downgrade -1 ; stamp 9be449b64a08 ; current ; stamp --purge heads ; current ; downgrade base
