online: upgrade f1cf16df6486 ; upgrade c3e4d9196ada ; downgrade -1 ; stamp f1cf16df6486 ; current ; stamp --purge heads ; current ; downgrade base
