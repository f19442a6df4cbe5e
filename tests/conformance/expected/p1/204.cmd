online: upgrade ae1027a6acf ; upgrade 27c6a30d7c24 ; downgrade -1 ; stamp ae1027a6acf ; current ; stamp --purge heads ; current ; downgrade base
