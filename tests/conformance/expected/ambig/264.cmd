online: upgrade abcdlabel@head ; current ; downgrade abcdlabel@base ; current ; upgrade heads ; downgrade abcdlabel@-1
