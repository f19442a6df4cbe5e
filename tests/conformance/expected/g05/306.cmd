online: upgrade 3fd492edcf45 ; current ; downgrade 5bc8bde5c099 ; current ; upgrade +1 ; downgrade base
