online: stamp f1cf16df6486 ; current ; upgrade heads ; current ; downgrade f1cf16df6486 ; stamp base
