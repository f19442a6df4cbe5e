online: upgrade afbd619699cf ; current ; downgrade 025b8a9a021e ; current ; upgrade heads ; downgrade base
