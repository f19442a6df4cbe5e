online: upgrade 27c6a30d7c24 ; current ; downgrade ae1027a6acf ; current ; upgrade heads ; downgrade base
