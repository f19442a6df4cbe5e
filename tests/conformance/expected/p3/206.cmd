online: upgrade bbbb0001 ; current ; downgrade aaaa0001 ; current ; upgrade heads ; downgrade base
