online: stamp afbd619699cf ; stamp --purge cd61d8f16adf ; current ; upgrade afbd619699cf ; downgrade base
