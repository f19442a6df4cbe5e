online: stamp ae1027a6acf ; current ; upgrade heads ; current ; downgrade ae1027a6acf ; stamp base
