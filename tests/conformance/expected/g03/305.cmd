online: upgrade 685695c76ab4 ; current ; downgrade 21638b529b4a ; current ; upgrade heads ; downgrade base
