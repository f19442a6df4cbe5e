online: stamp 451af1d69ed6 ; stamp --purge 10a3aa05e11a ; current ; upgrade 451af1d69ed6 ; downgrade base
