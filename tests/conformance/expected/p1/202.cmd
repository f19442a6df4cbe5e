online: upgrade 1975ea83b712 ; upgrade 27c6a30d7c24 ; downgrade -1 ; stamp 1975ea83b712 ; current ; stamp --purge heads ; current ; downgrade base
