online: upgrade 92b87eb72f82 ; upgrade 844da65423a9 ; downgrade -1 ; stamp 92b87eb72f82 ; current ; stamp --purge heads ; current ; downgrade base
