online: stamp 633ae0f9e038 ; current ; upgrade heads ; current ; downgrade 633ae0f9e038 ; stamp base
