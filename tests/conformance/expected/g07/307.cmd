online: upgrade 3926f28c105d ; current ; downgrade 099936f675cc ; current ; upgrade +1 ; downgrade base
