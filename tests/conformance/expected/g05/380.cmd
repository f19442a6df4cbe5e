online: upgrade 3fd492edcf45 ; upgrade 78f87b3120df ; downgrade -1 ; stamp 3fd492edcf45 ; current ; stamp --purge heads ; current ; downgrade base
