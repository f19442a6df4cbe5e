online: upgrade eeee0001 ; upgrade eeee0001 ; downgrade -1 ; stamp eeee0001 ; current ; stamp --purge heads ; current ; downgrade base
