online: stamp cd61d8f16adf ; current ; upgrade heads ; current ; downgrade cd61d8f16adf ; stamp base
