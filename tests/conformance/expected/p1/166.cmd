online: stamp 1975ea83b712 ; current ; upgrade heads ; current ; downgrade 1975ea83b712 ; stamp base
