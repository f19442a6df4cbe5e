online: stamp 92b87eb72f82 ; current ; upgrade heads ; current ; downgrade 92b87eb72f82 ; stamp base
