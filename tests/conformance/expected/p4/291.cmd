online: upgrade core@head ; current ; downgrade core@base ; current ; upgrade heads ; downgrade core@-1
