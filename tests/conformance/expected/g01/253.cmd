online: upgrade cd44b8b6d8fe ; upgrade afbd619699cf ; downgrade -1 ; stamp cd44b8b6d8fe ; current ; stamp --purge heads ; current ; downgrade base
