online: upgrade afbd619699cf ; upgrade afbd619699cf ; downgrade -1 ; stamp afbd619699cf ; current ; stamp --purge heads ; current ; downgrade base
