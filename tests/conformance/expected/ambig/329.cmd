online: upgrade f00dcafe0001 ; upgrade b9b9b9b9 ; downgrade -1 ; stamp f00dcafe0001 ; current ; stamp --purge heads ; current ; downgrade base
