online: upgrade 5636e779c470 ; current ; downgrade 28ce10645d51 ; current ; upgrade heads ; downgrade base
