online: upgrade 21638b529b4a ; upgrade 685695c76ab4 ; downgrade -1 ; stamp 21638b529b4a ; current ; stamp --purge heads ; current ; downgrade base
