online: upgrade alpha@head ; current ; downgrade alpha@base ; current ; upgrade heads ; downgrade alpha@-1
