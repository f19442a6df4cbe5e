online: stamp d45c9ec353c1 ; stamp --purge d45c9ec353c1 ; current ; upgrade d45c9ec353c1 ; downgrade base
