online: upgrade 27c6a30d7c24 ; current ; downgrade 1975ea83b712 ; current ; upgrade heads ; downgrade base
