online: upgrade 119a74c9df6a ; upgrade 451af1d69ed6 ; downgrade -1 ; stamp 119a74c9df6a ; current ; stamp --purge heads ; current ; downgrade base
