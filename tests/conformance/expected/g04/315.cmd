online: upgrade 14c10b11ad28 ; current ; downgrade 738d6e58d5ca ; current ; upgrade heads ; downgrade base
