online: upgrade billing@+1 ; upgrade billing@+1 ; current ; downgrade billing@-1 ; current ; upgrade billing@head ; downgrade billing@base
