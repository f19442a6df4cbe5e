online: stamp 844da65423a9 ; stamp --purge 6018f658f7a7 ; current ; upgrade 844da65423a9 ; downgrade base
