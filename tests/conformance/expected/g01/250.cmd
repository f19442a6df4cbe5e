online: upgrade cd61d8f16adf ; upgrade afbd619699cf ; downgrade -1 ; stamp cd61d8f16adf ; current ; stamp --purge heads ; current ; downgrade base
