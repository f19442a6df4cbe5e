online: stamp cd44b8b6d8fe ; current ; upgrade heads ; current ; downgrade cd44b8b6d8fe ; stamp base
