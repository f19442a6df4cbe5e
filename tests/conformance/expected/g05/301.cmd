online: stamp de11ea959c21 ; current ; upgrade heads ; current ; downgrade de11ea959c21 ; stamp base
