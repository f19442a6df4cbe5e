online: stamp 685695c76ab4 ; stamp --purge 21638b529b4a ; current ; upgrade 685695c76ab4 ; downgrade base
