online: upgrade alpha@+1 ; upgrade alpha@+1 ; current ; downgrade alpha@-1 ; current ; upgrade alpha@head ; downgrade alpha@base
