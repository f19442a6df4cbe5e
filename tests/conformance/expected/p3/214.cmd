online: upgrade bbbb0002 ; upgrade cccc0001 ; current ; downgrade -1 ; current ; stamp heads ; current
