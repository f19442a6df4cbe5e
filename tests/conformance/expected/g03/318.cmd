online: upgrade 685695c76ab4 ; current ; downgrade 28ce10645d51 ; current ; upgrade +1 ; downgrade base
