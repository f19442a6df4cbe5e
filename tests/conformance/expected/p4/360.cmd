online: upgrade core@+1 ; upgrade core@+1 ; current ; downgrade core@-1 ; current ; upgrade core@head ; downgrade core@base
