online: upgrade netlib@+1 ; upgrade netlib@+1 ; current ; downgrade netlib@-1 ; current ; upgrade netlib@head ; downgrade netlib@base
