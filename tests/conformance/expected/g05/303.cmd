online: upgrade gamma@head ; current ; downgrade gamma@base ; current ; upgrade heads ; downgrade gamma@-1
