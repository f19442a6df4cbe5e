online: upgrade zz@head ; current ; downgrade zz@base ; current ; upgrade heads ; downgrade zz@-1
