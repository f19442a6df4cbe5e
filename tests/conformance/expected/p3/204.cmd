online: upgrade eeee0001 ; current ; downgrade aaaa0001 ; current ; upgrade heads ; downgrade base
