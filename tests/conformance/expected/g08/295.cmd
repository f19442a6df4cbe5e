online: stamp a9b71d1d784f ; stamp --purge 6018f658f7a7 ; current ; upgrade a9b71d1d784f ; downgrade base
