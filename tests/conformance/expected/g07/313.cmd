online: stamp 119a74c9df6a ; stamp --purge b ; current ; upgrade 119a74c9df6a ; downgrade base
