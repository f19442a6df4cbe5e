online: upgrade afbd619699cf ; current ; downgrade cd61d8f16adf ; current ; upgrade heads ; downgrade base
