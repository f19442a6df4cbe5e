online: upgrade 5c6e15ba2bdd ; upgrade cdbd64be8049 ; current ; downgrade -1 ; current ; stamp heads ; current
