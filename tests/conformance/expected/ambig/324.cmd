online: upgrade abcdlabel@+1 ; upgrade abcdlabel@+1 ; current ; downgrade abcdlabel@-1 ; current ; upgrade abcdlabel@head ; downgrade abcdlabel@base
