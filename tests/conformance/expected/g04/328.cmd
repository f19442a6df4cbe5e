online: stamp 42a0ce80c4b0 ; stamp --purge b8a11a6916c7 ; current ; upgrade 42a0ce80c4b0 ; downgrade base
