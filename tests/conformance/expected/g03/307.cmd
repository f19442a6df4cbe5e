online: upgrade 795b9a9a80fd ; current ; downgrade 21638b529b4a ; current ; upgrade heads ; downgrade base
