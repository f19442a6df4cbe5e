online: upgrade 7403e93f4a5a ; current ; downgrade 10a3aa05e11a ; current ; upgrade heads ; downgrade base
