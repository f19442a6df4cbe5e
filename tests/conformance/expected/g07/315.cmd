online: stamp 7403e93f4a5a ; stamp --purge b ; current ; upgrade 7403e93f4a5a ; downgrade base
