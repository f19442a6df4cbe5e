online: upgrade 35bfc9e9c616 ; upgrade afbd619699cf ; downgrade -1 ; stamp 35bfc9e9c616 ; current ; stamp --purge heads ; current ; downgrade base
