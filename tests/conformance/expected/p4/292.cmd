online: upgrade netlib@head ; current ; downgrade netlib@base ; current ; upgrade heads ; downgrade netlib@-1
