online: upgrade ext@+1 ; upgrade ext@+1 ; current ; downgrade ext@-1 ; current ; upgrade ext@head ; downgrade ext@base
