online: upgrade heads ; current ; downgrade base ; current
