online: stamp 43001b2ed40e ; current ; upgrade heads ; current ; downgrade 43001b2ed40e ; stamp base
