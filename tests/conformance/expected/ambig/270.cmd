online: stamp b9b9b9b9 ; stamp --purge abcd1111 ; current ; upgrade b9b9b9b9 ; downgrade base
