online: upgrade bbbb0002 ; upgrade eeee0001 ; downgrade -1 ; stamp bbbb0002 ; current ; stamp --purge heads ; current ; downgrade base
