online: upgrade 21638b529b4a ; upgrade 31163bfd1d33 ; current ; downgrade -1 ; current ; stamp heads ; current
