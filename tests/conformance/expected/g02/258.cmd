online: upgrade ext@head ; current ; downgrade ext@base ; current ; upgrade heads ; downgrade ext@-1
