online: upgrade aaaa0001 ; upgrade eeee0001 ; downgrade -1 ; stamp aaaa0001 ; current ; stamp --purge heads ; current ; downgrade base
