online: stamp afbd619699cf ; current ; upgrade heads ; current ; downgrade afbd619699cf ; stamp base
