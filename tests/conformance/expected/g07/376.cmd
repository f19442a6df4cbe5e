online: upgrade b ; upgrade 119a74c9df6a ; downgrade -1 ; stamp b ; current ; stamp --purge heads ; current ; downgrade base
