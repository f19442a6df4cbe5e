online: stamp c3e4d9196ada ; stamp --purge f1cf16df6486 ; current ; upgrade c3e4d9196ada ; downgrade base
