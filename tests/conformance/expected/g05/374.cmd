online: upgrade gamma@+1 ; upgrade gamma@+1 ; current ; downgrade gamma@-1 ; current ; upgrade gamma@head ; downgrade gamma@base
