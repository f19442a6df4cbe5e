online: upgrade eeee0001 ; current ; downgrade bbbb0001 ; current ; upgrade heads ; downgrade base
