online: upgrade delta@head ; current ; downgrade delta@base ; current ; upgrade heads ; downgrade delta@-1
