online: stamp f00dbeef0003 ; stamp --purge abcd1111 ; current ; upgrade f00dbeef0003 ; downgrade base
