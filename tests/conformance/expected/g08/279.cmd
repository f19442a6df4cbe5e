online: upgrade +1 ; upgrade head ; current ; downgrade -1 ; downgrade base
