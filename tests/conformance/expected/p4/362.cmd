online: upgrade zz@+1 ; upgrade zz@+1 ; current ; downgrade zz@-1 ; current ; upgrade zz@head ; downgrade zz@base
