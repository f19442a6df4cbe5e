online: upgrade eeee0001 ; current ; downgrade cccc0001 ; current ; upgrade heads ; downgrade base
