online: upgrade billing@head ; current ; downgrade billing@base ; current ; upgrade heads ; downgrade billing@-1
