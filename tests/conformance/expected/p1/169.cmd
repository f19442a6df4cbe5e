online: stamp 27c6a30d7c24 ; stamp --purge 1975ea83b712 ; current ; upgrade 27c6a30d7c24 ; downgrade base
