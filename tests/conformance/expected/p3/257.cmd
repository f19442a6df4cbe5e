online: upgrade bbbb0001 ; upgrade eeee0001 ; downgrade -1 ; stamp bbbb0001 ; current ; stamp --purge heads ; current ; downgrade base
